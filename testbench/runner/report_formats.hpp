// The report's formats, each rendered from the same model (report_model.hpp); report.cpp
// writes them into the regression's folder.
#pragma once

#include <string>

#include "report_model.hpp"

namespace tandem {

enum class TextFor { kTerminal, kFile };
// Markdown: the summary, failure groups, pass rates; in the file also every run's row. On a
// terminal, pass rates list only the scenarios that did not always pass.
std::string render_markdown(const ReportModel& model, TextFor target);
// results.json: everything in the regression, for scripts.
std::string render_json(const ReportModel& model);
// JUnit XML: a testsuite per scenario, a testcase per run.
std::string render_junit(const ReportModel& model);
// report.html: one self-contained page with the plots inline.
std::string render_html(const ReportModel& model);

}  // namespace tandem
