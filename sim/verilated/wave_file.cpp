#include "wave_file.hpp"

#include <verilated.h>
#include <verilated_fst_c.h>

namespace tandem {

WaveFile::WaveFile(std::string path, unsigned models)
    : path_(std::move(path)), models_(models), context_(std::make_unique<VerilatedContext>()) {
  context_->fatalOnError(false);  // RTL errors fail the run through got_error(), not abort()
  context_->traceEverOn(true);
}

WaveFile::~WaveFile() {
  close();
}

VerilatedFstC* WaveFile::trace() {
  // Made once the first model is: a trace takes its time unit from the thread's current
  // context when it is made, and the context has the model's only once the model exists.
  if (fst_ == nullptr) {
    Verilated::threadContextp(context_.get());
    fst_ = std::make_unique<VerilatedFstC>();
  }
  return fst_.get();
}

void WaveFile::joined() {
  if (++joined_ < models_) return;
  fst_->open(path_.c_str());
  open_ = true;
}

void WaveFile::dump(std::uint64_t time) {
  if (!open_ || ++dumped_ < models_) return;
  dumped_ = 0;
  last_time_ = time;
  fst_->dump(time);
}

void WaveFile::left() {
  if (++left_ < models_) return;
  if (open_) fst_->dump(last_time_ + kTailCycles * 1000);
  close();
}

void WaveFile::close() {
  if (!open_) return;
  open_ = false;
  fst_->close();
}

std::string wave_scope(unsigned device) {
  return device == 0 ? "tandem" : "tandem_dev" + std::to_string(device);
}

}  // namespace tandem
