#include "run_end.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace tandem {

std::string run_end_path(const std::string& run_dir) {
  return run_dir + "/ended.txt";
}

bool write_run_end(const Job& job) {
  // Written aside, then renamed: a reader never sees half a file.
  const std::string path = run_end_path(job.dir), tmp = path + ".tmp";
  {
    std::ofstream out(tmp);
    out << "status=" << job.status << "\ntimed_out=" << (job.timed_out ? 1 : 0) << "\nseconds=" << job.seconds
        << "\nend\n";
    if (!out) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

bool read_run_end(Job* job) {
  std::ifstream in(run_end_path(job->dir));
  std::string status, timed_out, seconds, end;
  if (!(in >> status >> timed_out >> seconds >> end) || end != "end") return false;
  int s = 0, t = 0;
  double w = 0;
  if (std::sscanf(status.c_str(), "status=%d", &s) != 1 || std::sscanf(timed_out.c_str(), "timed_out=%d", &t) != 1 ||
      std::sscanf(seconds.c_str(), "seconds=%lf", &w) != 1) {
    return false;
  }
  job->status = s;
  job->timed_out = t != 0;
  job->seconds = w;
  job->started = job->finished = true;
  return true;
}

}  // namespace tandem
