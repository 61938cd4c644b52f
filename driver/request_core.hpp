// The request lifecycle, independent of any hardware: the software queue of submitted
// requests, the list of those issued to hardware, and the moves between states. The
// caller holds its own lock around every call except run_completions(), which runs the
// callbacks of finished requests with no lock held.
#pragma once

#include <deque>
#include <vector>

#include "copy_request.hpp"

namespace tce {

class RequestCore {
 public:
  // kIdle/final -> kQueued, at the back of the software queue.
  void enqueue(CopyRequest& r);
  // The oldest queued request, or nullptr.
  CopyRequest* front() const { return queue_.empty() ? nullptr : queue_.front(); }
  // The front request -> kIssued.
  void issue_front();
  // A request issued to hardware directly, never queued -> kIssued.
  void issue(CopyRequest& r);
  // kQueued -> kCancelled (status -ECANCELED). False if r is not queued.
  bool cancel(CopyRequest& r);
  // kQueued -> kIdle, silently: the submit that queued it is being refused.
  void withdraw(CopyRequest& r);
  // kIssued -> kCompleted (status 0) or kFailed (any other status).
  void finish(CopyRequest& r, int status);
  // Every queued and issued request -> kFailed with `status`; returns them (to unmap).
  std::vector<CopyRequest*> fail_all(int status);

  std::size_t queued() const { return queue_.size(); }
  std::size_t issued() const { return issued_list_.size(); }

  // Takes the requests finished since the last call.
  std::vector<CopyRequest*> take_finished();
  // Runs their callbacks. No lock may be held.
  static void run_completions(const std::vector<CopyRequest*>& done);

 private:
  std::deque<CopyRequest*> queue_;
  std::vector<CopyRequest*> issued_list_;
  std::vector<CopyRequest*> finished_;
};

}  // namespace tce
