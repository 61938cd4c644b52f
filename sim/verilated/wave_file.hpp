// One FST wave file that every Verilated model of a platform writes into, each under its
// own top scope (device 0 "tandem", device 1 "tandem_dev1"), on one time base. Verilator
// lets one trace file hold several models only when they share one VerilatedContext, so
// the file owns the context its models are built in. Verilator's types stay out of this
// header: only the models' own source files (verilated_device_impl.hpp) use them.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

class VerilatedContext;
class VerilatedFstC;

namespace tandem {

class WaveFile {
 public:
  // A file at `path` for `models` models: it opens once the last of them has joined.
  WaveFile(std::string path, unsigned models);
  ~WaveFile();
  WaveFile(const WaveFile&) = delete;
  WaveFile& operator=(const WaveFile&) = delete;

  const std::string& path() const { return path_; }
  // For the models: the context to be built in, the trace to register with.
  VerilatedContext* context() { return context_.get(); }
  VerilatedFstC* trace();
  // A model registered itself with trace(): the last one opens the file.
  void joined();
  // A model reached `time` (ps): the values are written once every model has, so that
  // models ticked in lockstep (each half cycle in turn) are all seen at the same instant.
  void dump(std::uint64_t time);
  // A model is done: the file closes once every model is, after a tail of
  // kTailCycles in which nothing changes (the clock stopped): GTKWave cannot open on a span
  // that passes a trace's end, and a failure that stopped the run sits right at it.
  static constexpr std::uint64_t kTailCycles = 500;
  // A model is done: the file closes once every model is.
  void left();
  // Closes the file at once (a model goes away, and must not be read any more).
  void close();

 private:
  std::string path_;
  unsigned models_;
  unsigned joined_ = 0;
  unsigned dumped_ = 0;  // models that reached the pending time
  std::uint64_t last_time_ = 0;
  unsigned left_ = 0;
  bool open_ = false;
  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<VerilatedFstC> fst_;
};

// The top scope of device `device`'s model in the waves.
std::string wave_scope(unsigned device);

}  // namespace tandem
