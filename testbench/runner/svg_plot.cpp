#include "svg_plot.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "markup.hpp"

namespace tandem {

namespace {

constexpr const char* kInk = "#333";
constexpr const char* kGrid = "#ddd";
constexpr const char* kBlue = "#3b6fb6";
constexpr const char* kRed = "#c8372d";

// Where values map on one axis: [lo, hi] in data units (log axes in log10 of them).
struct Scale {
  bool log = false;
  double lo = 0, hi = 1;
  std::vector<double> ticks;  // data values
  double at(double v, double from, double to) const {
    const double u = log ? std::log10(v) : v;
    return from + (to - from) * (u - lo) / (hi - lo);
  }
};

Scale linear_scale(double max) {
  Scale s;
  if (!(max > 0)) max = 1;
  // cppcheck-suppress invalidFunctionArg ; max > 0 just above
  const double raw = max / 5, mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
  s.hi = std::ceil(max / step) * step;
  for (double t = 0; t <= s.hi + step / 2; t += step) s.ticks.push_back(t);
  return s;
}

// Decades for numbers; for bytes, powers of two spaced to give at most about eight ticks.
Scale log_scale(double min, double max, PlotAxis::Format format) {
  Scale s;
  s.log = true;
  if (format == PlotAxis::Format::kBytes) {
    const int lo = static_cast<int>(std::floor(std::log2(min))), hi = static_cast<int>(std::ceil(std::log2(max)));
    const int step = std::max(1, (hi - lo + 7) / 8);
    const int top = lo + std::max(1, (hi - lo + step - 1) / step) * step;
    for (int e = lo; e <= top; e += step) s.ticks.push_back(std::ldexp(1.0, e));
    s.lo = lo * std::log10(2.0);
    s.hi = top * std::log10(2.0);
    return s;
  }
  const int lo = static_cast<int>(std::floor(std::log10(min)));
  const int hi = std::max(lo + 1, static_cast<int>(std::ceil(std::log10(max))));
  for (int e = lo; e <= hi; ++e) s.ticks.push_back(std::pow(10.0, e));
  s.lo = lo;
  s.hi = hi;
  return s;
}

Scale scale_for(const PlotAxis& axis, const std::vector<double>& values) {
  if (values.empty()) return axis.log ? log_scale(1, 10, axis.format) : linear_scale(1);
  const auto [mn, mx] = std::minmax_element(values.begin(), values.end());
  return axis.log ? log_scale(*mn, std::max(*mx, *mn * 1.0001), axis.format) : linear_scale(*mx);
}

std::string text(double x, double y, std::string_view s, std::string_view extra = "") {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\"{}>{}</text>", x, y, extra, xml_escape(s));
}

std::string line(double x1, double y1, double x2, double y2, std::string_view stroke, std::string_view extra = "") {
  return fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\"{}/>", x1, y1, x2, y2,
                     stroke, extra);
}

std::string svg_open(double width, double height, std::string_view title) {
  return fmt::format(
             "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} "
             "{1:.0f}\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">",
             width, height) +
         "<title>" + xml_escape(title) + "</title>";
}

// A bucket's bound: 512, 1k, 2k, ... 1M, with k = 1024 (every bound is a power of two).
std::string power_of_two(std::uint64_t v) {
  if (v >= (1u << 20)) return std::to_string(v >> 20) + "M";
  if (v >= (1u << 10)) return std::to_string(v >> 10) + "k";
  return std::to_string(v);
}

std::string legend_entry(double x, double y, const char* colour, const std::string& label) {
  return fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\"/>", x, y - 4, colour) +
         text(x + 8, y, label);
}

}  // namespace

std::string short_number(double v, PlotAxis::Format format) {
  if (format == PlotAxis::Format::kBytes) {
    static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB"};
    int u = 0;
    while (v >= 1024 && u < 3) {
      v /= 1024;
      ++u;
    }
    return fmt::format("{:g} {}", v, kUnits[u]);
  }
  static const char* const kSuffix[] = {"", "k", "M", "G"};
  int u = 0;
  while (std::fabs(v) >= 1000 && u < 3) {
    v /= 1000;
    ++u;
  }
  return fmt::format("{:g}{}", std::round(v * 100) / 100, kSuffix[u]);
}

std::string render_scatter(const ScatterPlot& p) {
  constexpr double kW = 860, kH = 340, kLeft = 70, kRight = 20, kTop = 34, kBottom = 52;
  const double x0 = kLeft, x1 = kW - kRight, y0 = kH - kBottom, y1 = kTop;
  std::vector<PlotPoint> points;
  for (const PlotPoint& q : p.points) {
    if ((p.x.log && !(q.x > 0)) || (p.y.log && !(q.y > 0))) continue;  // nowhere on a log axis
    points.push_back(q);
  }
  std::vector<double> xs, ys;
  for (const PlotPoint& q : points) {
    xs.push_back(q.x);
    ys.push_back(q.y);
  }
  if (p.reference) ys.push_back(*p.reference);
  const Scale sx = scale_for(p.x, xs), sy = scale_for(p.y, ys);

  std::string s = svg_open(kW, kH, p.title);
  s += text(kW / 2, 18, p.title, " text-anchor=\"middle\" font-weight=\"bold\" font-size=\"14\"");
  for (double t : sx.ticks) {
    const double x = sx.at(t, x0, x1);
    s += line(x, y0, x, y1, kGrid) + text(x, y0 + 16, short_number(t, p.x.format), " text-anchor=\"middle\"");
  }
  for (double t : sy.ticks) {
    const double y = sy.at(t, y0, y1);
    s += line(x0, y, x1, y, kGrid) + text(x0 - 6, y + 4, short_number(t, p.y.format), " text-anchor=\"end\"");
  }
  s += line(x0, y0, x1, y0, kInk) + line(x0, y0, x0, y1, kInk);
  s += text((x0 + x1) / 2, kH - 12, p.x.label, " text-anchor=\"middle\"");
  s += text(16, (y0 + y1) / 2, p.y.label,
            fmt::format(" text-anchor=\"middle\" transform=\"rotate(-90 16 {:.1f})\"", (y0 + y1) / 2));
  if (p.reference) {
    const double y = sy.at(*p.reference, y0, y1);
    s += line(x0, y, x1, y, kInk, " stroke-dasharray=\"6 4\"") +
         text(x1 - 4, y - 5, p.reference_label, " text-anchor=\"end\"");
  }
  // Ordinary points first, so that the highlighted ones stay visible on top.
  for (const bool hi : {false, true}) {
    for (const PlotPoint& q : points) {
      if (q.highlight != hi) continue;
      s += fmt::format(
          "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\" fill-opacity=\"0.6\"><title>{}</title></circle>",
          sx.at(q.x, x0, x1), sy.at(q.y, y0, y1), hi ? kRed : kBlue, xml_escape(q.title));
    }
  }
  if (!p.legend.empty()) s += legend_entry(x0 + 12, y1 + 14, kBlue, p.legend);
  if (!p.highlight_legend.empty()) s += legend_entry(x0 + 180, y1 + 14, kRed, p.highlight_legend);
  if (points.empty()) s += text((x0 + x1) / 2, (y0 + y1) / 2, "no data", " text-anchor=\"middle\" fill=\"#888\"");
  return s + "</svg>";
}

std::string render_histograms(const std::string& title, const std::vector<HistogramPanel>& panels) {
  constexpr double kPanelW = 300, kH = 190, kLeft = 46, kRight = 12, kTop = 40, kBottom = 48;
  const double width = kPanelW * static_cast<double>(std::max<std::size_t>(panels.size(), 1));
  std::string s = svg_open(width, kH, title);
  s += text(8, 16, title, " font-weight=\"bold\" font-size=\"14\"");
  for (std::size_t i = 0; i < panels.size(); ++i) {
    const HistogramPanel& p = panels[i];
    const double x0 = kPanelW * static_cast<double>(i) + kLeft, x1 = kPanelW * static_cast<double>(i + 1) - kRight;
    const double y0 = kH - kBottom, y1 = kTop;
    std::uint64_t n = 0, peak = 0;
    for (const auto& [b, c] : p.buckets) {
      n += c;
      peak = std::max(peak, c);
    }
    s += text((x0 + x1) / 2, 32, fmt::format("{} (n={})", p.title, n), " text-anchor=\"middle\"");
    s += line(x0, y0, x1, y0, kInk) + line(x0, y0, x0, y1, kInk);
    s += text(x0 - 4, y1 + 4, short_number(static_cast<double>(peak), PlotAxis::Format::kNumber),
              " text-anchor=\"end\"") +
         text(x0 - 4, y0, "0", " text-anchor=\"end\"");
    s += text((x0 + x1) / 2, kH - 8, "cycles (power-of-two buckets, k = 1024)",
              " text-anchor=\"middle\" font-size=\"11\"");
    s += text(x0 - 30, (y0 + y1) / 2, "samples",
              fmt::format(" text-anchor=\"middle\" font-size=\"11\" transform=\"rotate(-90 {:.1f} {:.1f})\"", x0 - 30,
                          (y0 + y1) / 2));
    if (n == 0) {
      s += text((x0 + x1) / 2, (y0 + y1) / 2, "no samples", " text-anchor=\"middle\" fill=\"#888\"");
      continue;
    }
    // Every bucket from the lowest to the highest present, so gaps show as gaps.
    // and at least kMinSlots of them, so that one bucket alone is a bar, not a block.
    constexpr std::size_t kMinSlots = 8;
    std::vector<std::uint64_t> bounds;
    for (std::uint64_t b = p.buckets.begin()->first; b <= p.buckets.rbegin()->first || bounds.size() < kMinSlots;
         b = b == 0 ? 1 : b * 2) {
      bounds.push_back(b);
    }
    const double slot = (x1 - x0) / static_cast<double>(bounds.size());
    const std::size_t label_every = (bounds.size() + 7) / 8;
    for (std::size_t k = 0; k < bounds.size(); ++k) {
      const auto it = p.buckets.find(bounds[k]);
      const std::uint64_t c = it == p.buckets.end() ? 0 : it->second;
      const double h = (y0 - y1) * static_cast<double>(c) / static_cast<double>(peak);
      const double x = x0 + slot * static_cast<double>(k);
      const std::uint64_t upper = bounds[k] == 0 ? 0 : bounds[k] * 2 - 1;
      s += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"><title>{}-{} cycles: {} "
          "samples</title></rect>",
          x + 1, y0 - h, std::max(slot - 2, 1.0), h, kBlue, bounds[k], upper, c);
      if (k % label_every == 0) {
        s += text(x + slot / 2, y0 + 14, power_of_two(bounds[k]), " text-anchor=\"middle\" font-size=\"10\"");
      }
    }
  }
  return s + "</svg>";
}

std::string render_bars(const BarChart& chart) {
  constexpr double kLabelW = 190, kBarW = 360, kRowH = 14, kTop = 44, kRight = 60;
  static const char* const kColours[] = {kBlue, "#1d7a35", kRed};
  const double row_h = kRowH * static_cast<double>(std::max<std::size_t>(chart.series.size(), 1)) + 6;
  const double height = kTop + row_h * static_cast<double>(chart.rows.size()) + 24;
  std::string s = svg_open(kLabelW + kBarW + kRight, height, chart.title);
  s += text(8, 16, chart.title, " font-weight=\"bold\" font-size=\"14\"");
  for (std::size_t k = 0; k < chart.series.size(); ++k) {
    s += legend_entry(kLabelW + 110 * static_cast<double>(k), 34, kColours[k % 3], chart.series[k]);
  }
  for (int pct = 0; pct <= 100; pct += 25) {
    const double x = kLabelW + kBarW * pct / 100.0;
    s += line(x, kTop - 4, x, height - 20, kGrid) +
         text(x, height - 6, std::to_string(pct) + " %", " text-anchor=\"middle\"");
  }
  for (std::size_t i = 0; i < chart.rows.size(); ++i) {
    const BarRow& r = chart.rows[i];
    const double y = kTop + row_h * static_cast<double>(i);
    s += text(kLabelW - 8, y + row_h / 2 + 2, r.label, " text-anchor=\"end\"");
    for (std::size_t k = 0; k < r.percent.size(); ++k) {
      if (!r.percent[k]) continue;
      const double v = std::clamp(*r.percent[k], 0.0, 100.0), by = y + kRowH * static_cast<double>(k) + 2;
      s += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>", kLabelW, by,
                       kBarW * v / 100, kRowH - 3, kColours[k % 3]);
      s += text(kLabelW + kBarW * v / 100 + 4, by + kRowH - 4, fmt::format("{:.1f}", v), " font-size=\"10\"");
    }
  }
  return s + "</svg>";
}

}  // namespace tandem
