#include "request_core.hpp"

#include <algorithm>
#include <cerrno>

namespace tce {

const char* to_string(RequestState state) {
  switch (state) {
    case RequestState::kIdle: return "idle";
    case RequestState::kQueued: return "queued";
    case RequestState::kIssued: return "issued";
    case RequestState::kCompleted: return "completed";
    case RequestState::kFailed: return "failed";
    case RequestState::kCancelled: return "cancelled";
  }
  return "?";
}

namespace {
// A request starting out: nothing from an earlier submission remains.
void clear_results(CopyRequest& r) {
  r.status = 0;
  r.err_code = reg::ErrCode::kNone;
  r.crc32c = 0;
  r.retries_ = 0;
}
}  // namespace

void RequestCore::enqueue(CopyRequest& r) {
  clear_results(r);
  r.state_ = RequestState::kQueued;
  queue_.push_back(&r);
}

void RequestCore::issue_front() {
  CopyRequest* r = queue_.front();
  queue_.pop_front();
  r->state_ = RequestState::kIssued;
  issued_list_.push_back(r);
}

void RequestCore::issue(CopyRequest& r) {
  clear_results(r);
  r.state_ = RequestState::kIssued;
  issued_list_.push_back(&r);
}

bool RequestCore::cancel(CopyRequest& r) {
  auto it = std::find(queue_.begin(), queue_.end(), &r);
  if (it == queue_.end()) return false;
  queue_.erase(it);
  r.status = -ECANCELED;
  r.state_ = RequestState::kCancelled;
  finished_.push_back(&r);
  return true;
}

void RequestCore::withdraw(CopyRequest& r) {
  auto it = std::find(queue_.begin(), queue_.end(), &r);
  if (it != queue_.end()) queue_.erase(it);
  r.state_ = RequestState::kIdle;
}

void RequestCore::finish(CopyRequest& r, int status) {
  auto it = std::find(issued_list_.begin(), issued_list_.end(), &r);
  if (it != issued_list_.end()) {
    issued_list_.erase(it);
  }
  r.status = status;
  r.state_ = status == 0 ? RequestState::kCompleted : RequestState::kFailed;
  finished_.push_back(&r);
}

std::vector<CopyRequest*> RequestCore::fail_all(int status) {
  std::vector<CopyRequest*> all(issued_list_.begin(), issued_list_.end());
  all.insert(all.end(), queue_.begin(), queue_.end());
  for (CopyRequest* r : all) {
    r->status = status;
    r->state_ = RequestState::kFailed;
    finished_.push_back(r);
  }
  issued_list_.clear();
  queue_.clear();
  return all;
}

std::vector<CopyRequest*> RequestCore::take_finished() {
  std::vector<CopyRequest*> done;
  done.swap(finished_);
  return done;
}

void RequestCore::run_completions(const std::vector<CopyRequest*>& done) {
  for (CopyRequest* r : done) {
    if (r->on_complete) r->on_complete(*r);
  }
}

}  // namespace tce
