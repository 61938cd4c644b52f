// Plots as inline SVG, drawn by hand: a scatter plot on linear or logarithmic axes, and rows
// of histograms over power-of-two buckets. Text only, no script: the report stays one file
// that any browser shows offline.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tandem {

struct PlotAxis {
  enum class Format { kNumber, kBytes };
  std::string label;  // what and its unit: "transfer size (bytes)"
  bool log = false;
  Format format = Format::kNumber;
};

struct PlotPoint {
  double x = 0, y = 0;
  bool highlight = false;  // drawn in the warning colour (a failed run)
  std::string title;       // shown when the pointer rests on it
};

struct ScatterPlot {
  std::string title;
  PlotAxis x, y;
  std::vector<PlotPoint> points;
  std::optional<double> reference;  // a horizontal line at this y, e.g. the bus's peak
  std::string reference_label;
  std::string legend, highlight_legend;  // what the two colours mean (empty: no legend)
};

std::string render_scatter(const ScatterPlot& plot);

struct HistogramPanel {
  std::string title;
  std::map<std::uint64_t, std::uint64_t> buckets;  // lower bound (0, 1, 2, 4, ...) -> samples
};

// The panels side by side in one SVG, each on its own scale; x in cycles.
std::string render_histograms(const std::string& title, const std::vector<HistogramPanel>& panels);

// Horizontal bars of percentages, one row per label and one bar per series in each row
// (e.g. per RTL module: line % and toggle %); a row without a value for a series has no bar.
struct BarRow {
  std::string label;
  std::vector<std::optional<double>> percent;  // one per series, 0..100
};
struct BarChart {
  std::string title;
  std::vector<std::string> series;
  std::vector<BarRow> rows;
};
std::string render_bars(const BarChart& chart);

// 1536 -> "1.5k", 2^20 bytes -> "1 MiB": tick labels.
std::string short_number(double value, PlotAxis::Format format);

}  // namespace tandem
