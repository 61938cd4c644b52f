#include "report.hpp"

#include <fmt/core.h>

#include <fstream>

#include "report_formats.hpp"

namespace tandem {

namespace {

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

std::string write_report(const Regression& reg) {
  const ReportModel model = build_model(reg);
  std::string printed = render_markdown(model, TextFor::kTerminal) + "\n";
  const std::pair<std::string, std::string> files[] = {
      {reg.dir + "/report.md", render_markdown(model, TextFor::kFile)},
      {reg.dir + "/results.json", render_json(model)},
      {reg.dir + "/report.html", render_html(model)},
  };
  for (const auto& [path, text] : files) {
    if (!write_file(path, text)) printed += "tandem: cannot write " + path + "\n";
  }
  printed += fmt::format("report: {}/report.html (open it in a browser), report.md, results.json\n", reg.dir);
  if (!reg.junit_path.empty()) {
    printed += write_file(reg.junit_path, render_junit(model)) ? "junit: " + reg.junit_path + "\n"
                                                               : "tandem: cannot write " + reg.junit_path + "\n";
  }
  return printed;
}

}  // namespace tandem
