#include "stress.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "channel.hpp"
#include "irq_watch.hpp"
#include "tce_regs.hpp"

namespace tandem::stress {

namespace r = tce::reg;

namespace {

std::string describe(const CsrRequest& q) {
  std::ostringstream o;
  o << (q.write ? "write" : "read") << " 0x" << std::hex << q.addr;
  if (q.write) o << " = 0x" << q.data << " (strobes 0x" << unsigned{q.strobes} << ")";
  return o.str();
}

bool irq_config(std::uint32_t addr) {
  return addr == r::IRQ_ENABLE::kOffset || addr == r::IRQ_VEC_MAP::kOffset || addr == r::IRQ_MODE::kOffset ||
         (addr >= r::IRQ_COALESCE::offset(0) && addr < r::IRQ_COALESCE::offset(4)) || addr == r::CTRL::kOffset;
}

}  // namespace

StressResult run_stress(const StressConfig& config) {
  StressResult result;
  Stress(config, &result).run();
  return result;
}

Stress::Stress(const StressConfig& config, StressResult* result)
    : cfg_(config), result_(result), rng_(config.seed), model_(config.shape) {}

Stress::~Stress() = default;

void Stress::run() {
  // Episodes on fresh devices, each with its own memory latency and back-pressure.
  while (result_->cycles < cfg_.cycles && !failed()) {
    ++episode_;
    episode(std::min<std::uint64_t>(cfg_.cycles - result_->cycles, rng_.range(150'000, 350'000)));
  }
}

void Stress::fail(const char* check, const std::string& message) {
  if (failed()) return;
  result_->check = check;
  result_->message = message;
  result_->episode = episode_;
  result_->fail_cycle = dev_ ? dev_->cycle() : 0;
}

std::uint64_t Stress::descriptor_bound(std::uint64_t len) const {
  return (200 + 2 * (len / 8 + 2)) * 100 / (100 - backpressure_);
}

void Stress::episode(std::uint64_t cycles) {
  HarnessConfig hc;
  hc.variant = cfg_.variant;
  hc.mem.read_latency = static_cast<unsigned>(rng_.range(0, 10));
  hc.mem.write_latency = write_latency_ = static_cast<unsigned>(rng_.range(0, 10));
  const unsigned pressures[] = {0, 10, 25, 40};
  backpressure_ = pressures[rng_.range(0, 3)];
  hc.mem.backpressure_percent = backpressure_;
  hc.mem.seed = rng_.next();
  channels_.clear();
  queue_.clear();
  group_.clear();
  dev_ = std::make_unique<BareDevice>(hc);
  model_ = CsrModel(cfg_.shape);
  irq_ = std::make_unique<IrqWatch>(*this, dev_->harness().probes());

  Arenas a;
  a.src_len = 1u << 20;
  a.src = memory().alloc(a.src_len);
  std::uint8_t* src = memory().at(a.src, a.src_len);
  for (std::size_t i = 0; i < a.src_len; i += 8) {
    const std::uint64_t v = rng_.next();
    std::copy_n(reinterpret_cast<const std::uint8_t*>(&v), 8, src + i);
  }
  // Each poisoned range follows a clean one of its size in the same region, so that a
  // copy can start clean and meet the error half way, with bursts in flight.
  a.poison_len = 64 * 1024;
  a.src_poison = memory().alloc(2 * a.poison_len) + a.poison_len;
  a.dst_poison = memory().alloc(2 * a.poison_len) + a.poison_len;
  memory_port().error_range(a.src_poison, a.src_poison + a.poison_len, true, false);
  memory_port().error_range(a.dst_poison, a.dst_poison + a.poison_len, false, true);
  for (unsigned c = 0; c < cfg_.shape.channels; ++c) channels_.push_back(std::make_unique<Channel>(*this, c, a));
  memory_port().on_burst = [this](bool write, std::uint64_t addr, std::uint64_t bytes, std::uint64_t) {
    on_burst(write, addr, bytes);
  };
  memory_port().on_write_beat = [this](std::uint64_t addr, std::uint8_t strobes) { on_write_beat(addr, strobes); };

  cur_ = Current{};
  last_reset_ = 0;
  quiesce_ = configured_ = global_busy_ = exclusive_ = false;
  drain_ = Drain::kNone;
  awaiting_wake_ = false;
  next_submit_ = next_noise_ = 0;
  next_global_ = now() + rng_.range(30'000, 120'000);
  configure_device();

  const std::uint64_t start = now(), end = now() + cycles;
  while (now() < end && !failed()) {
    submit_ready();
    global_actions();
    noise();
    for (auto& ch : channels_) ch->tick();
    dev_->harness().step();
    if (dev_->harness().rtl_error()) fail("axi_assertion", "an RTL assertion fired (its message is above)");
    irq_->cycle(dev_->harness().irq_lines());
    check_current();
    if (!dev_->harness().csr().completed().empty()) finish_group();
  }
  result_->cycles += now() - start;
  memory_port().on_burst = nullptr;
  memory_port().on_write_beat = nullptr;
  channels_.clear();
  dev_->harness().csr().completed().clear();
  dev_.reset();
}

void Stress::submit_ready() {
  if (!group_.empty() || queue_.empty() || now() < next_submit_) return;
  group_ = std::move(queue_.front());
  queue_.pop_front();
  for (std::size_t i = 0; i < group_.size(); ++i) {
    const CsrOp& op = group_[i];
    req_[i] = CsrRequest{};
    req_[i].write = op.write;
    req_[i].addr = op.addr;
    req_[i].data = op.data;
    req_[i].strobes = op.strobes;
    // Expected from the state before the group: a read beside a write sees the old value.
    if (op.write) {
      expect_resp_[i] = model_.write_resp(op.addr, op.data, op.strobes);
      expect_value_[i].reset();
    } else {
      const CsrModel::Read rd = model_.read(op.addr);
      expect_resp_[i] = rd.resp;
      expect_value_[i] = rd.value;
    }
    dev_->harness().csr().submit(&req_[i], now());
    ++result_->csr_ops;
  }
}

void Stress::finish_group() {
  auto& done = dev_->harness().csr().completed();
  if (done.size() < group_.size()) return;
  done.clear();
  std::uint32_t sw_set = 0;
  for (std::size_t i = 0; i < group_.size(); ++i) {
    if (req_[i].write && req_[i].addr == r::IRQ_TEST::kOffset && req_[i].resp == AxiResp::kOkay) sw_set |= req_[i].data;
  }
  for (std::size_t i = 0; i < group_.size(); ++i) {
    const CsrRequest& q = req_[i];
    if (cfg_.trace) {
      std::fprintf(stderr, "[%llu %llu] %s -> %s 0x%x\n", static_cast<unsigned long long>(episode_),
                   static_cast<unsigned long long>(q.completed), describe(q).c_str(), to_string(q.resp), q.data);
    }
    if (q.resp != expect_resp_[i]) {
      return fail("csr_response",
                  describe(q) + " answered " + to_string(q.resp) + ", expected " + to_string(expect_resp_[i]));
    }
    if (!q.write && expect_value_[i] && q.data != *expect_value_[i]) {
      std::ostringstream o;
      o << describe(q) << " returned 0x" << std::hex << q.data << ", expected 0x" << *expect_value_[i];
      return fail("csr_readback", o.str());
    }
    if (!q.write && q.addr == r::IRQ_STATUS_RC::kOffset && q.resp == AxiResp::kOkay) {
      irq_->rc_read(q, sw_set);
      ++result_->rc_reads;
    }
  }
  for (std::size_t i = 0; i < group_.size(); ++i) {
    if (!req_[i].write) continue;
    model_.apply_write(req_[i].addr, req_[i].data, req_[i].strobes);
    if (irq_config(req_[i].addr)) irq_->reconfigured();
    if (req_[i].addr == r::CTRL::kOffset) ctrl_at_ = now();
  }
  std::vector<CsrOp> ops = std::move(group_);
  group_.clear();
  next_submit_ = now() + rng_.range(0, 6);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].done && !failed()) ops[i].done(req_[i]);
  }
}

void Stress::on_burst(bool write, std::uint64_t addr, std::uint64_t bytes) {
  if (write || failed()) return;
  if (bytes == r::desc::kBytes) {
    for (auto& ch : channels_) {
      if (ch->owns(addr)) {
        ch->fetched(addr, &cur_);
        return;
      }
    }
  }
  const std::uint64_t lo = cur_.src & ~std::uint64_t{7}, hi = (cur_.src + cur_.len + 7) & ~std::uint64_t{7};
  if (cur_.channel == nullptr || !cur_.reads_src || addr < lo || addr + bytes > hi) {
    std::ostringstream o;
    o << "a read burst at 0x" << std::hex << addr << " of " << std::dec << bytes
      << " bytes outside the current descriptor's source";
    fail("read_outside_source", o.str());
  }
}

void Stress::on_write_beat(std::uint64_t addr, std::uint8_t strobes) {
  if (failed()) return;
  const std::uint64_t status = cur_.desc + r::desc::kStatusOffset;
  for (unsigned i = 0; i < 8; ++i) {
    if (((strobes >> i) & 1) == 0) continue;
    const std::uint64_t a = addr + i;
    const bool in_dst = cur_.writes_dst && a >= cur_.dst && a < cur_.dst + cur_.len;
    const bool in_status = cur_.channel != nullptr && a >= status && a < status + 8;  // STATUS and CRC
    if (!in_dst && !in_status) {
      std::ostringstream o;
      o << "byte 0x" << std::hex << a << " written outside the current descriptor's destination and STATUS/CRC";
      return fail("write_outside_destination", o.str());
    }
  }
  if (cur_.channel != nullptr && addr == status && !cur_.ended) {
    cur_.ended = true;
    cur_.channel->status_written();
  }
}

void Stress::check_current() {
  if (cur_.channel != nullptr && !cur_.ended && !cur_.no_writeback && now() > cur_.deadline) {
    std::ostringstream o;
    o << "the descriptor at 0x" << std::hex << cur_.desc << std::dec << " (len " << cur_.len << ") has not ended "
      << descriptor_bound(std::min<std::uint64_t>(cur_.len, r::desc::kMaxLen)) << " cycles after its fetch";
    fail("descriptor_bound", o.str());
  }
}

}  // namespace tandem::stress
