#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for tests and demos of `tandem regress
# --launcher slurm`: munged, slurmctld and slurmd as background processes (no systemd), with
# their state, spool, logs and pid files under one folder.
#   scripts/slurm_cluster.sh start   # idempotent: a second call finds the cluster answering
#   scripts/slurm_cluster.sh stop    # stops the daemons by their pid files
# Needs root and Debian's slurm-wlm and munge (scripts/setup.sh --slurm installs them).
set -euo pipefail

dir=${TANDEM_SLURM_DIR:-${TMPDIR:-/tmp}/tandem-slurm}
conf=/etc/slurm/slurm.conf
marker="# written by tandem's scripts/slurm_cluster.sh"

say() { echo "slurm cluster: $*"; }

answers() {  # the controller answers and the node takes jobs
  timeout 10 sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'
}

stop_pid() {  # stops the daemon whose pid file is $1, if it runs
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 0
  if [ -n "$pid" ] && kill "$pid" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$1"
}

write_conf() {
  local host cpus memory
  host=$(hostname -s)
  cpus=$(nproc)
  memory=$(awk '/^MemTotal:/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)  # MiB, some left to the system
  mkdir -p /etc/slurm
  # Loopback only: the node and its controller are this machine. No cgroups: linuxproc
  # tracks a task's processes by their parents, and task/none binds nothing.
  cat >"$conf" <<EOF
$marker
ClusterName=tandem
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
KillWait=5
MinJobAge=60
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=tandem Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

start() {
  [ "$(id -u)" -eq 0 ] || { say "needs root (it starts munged, slurmctld and slurmd)"; exit 1; }
  for tool in munged slurmctld slurmd sinfo sbatch; do
    command -v "$tool" >/dev/null || { say "'$tool' is missing: run scripts/setup.sh --slurm"; exit 1; }
  done
  if answers; then
    say "already running ($(sinfo -h -o '%n %c CPUs %T' | head -1))"
    return 0
  fi
  # Never overwrite the configuration of a real cluster.
  if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
    say "$conf was not written here: not touching a real cluster's configuration"
    exit 1
  fi
  mkdir -p "$dir/state" "$dir/spool"
  write_conf

  if ! timeout 5 munge -n </dev/null 2>/dev/null | timeout 5 unmunge >/dev/null 2>&1; then
    [ -s /etc/munge/munge.key ] || {
      dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
      chown munge:munge /etc/munge/munge.key
      chmod 400 /etc/munge/munge.key
    }
    install -d -o munge -g munge -m 0755 /run/munge
    runuser -u munge -- munged
  fi
  stop_pid "$dir/slurmctld.pid"
  stop_pid "$dir/slurmd.pid"
  # -c: a clean start (no jobs of an earlier cluster in the state folder).
  slurmctld -c
  slurmd
  for _ in $(seq 60); do
    if answers; then
      say "running ($(sinfo -h -o '%n %c CPUs %T' | head -1)); state and logs in $dir"
      return 0
    fi
    # A node that came back after a stop may be marked down: bring it back.
    scontrol update nodename="$(hostname -s)" state=resume >/dev/null 2>&1 || true
    sleep 1
  done
  say "did not come up within 60 s; see $dir/slurmctld.log and $dir/slurmd.log"
  exit 1
}

stop() {
  stop_pid "$dir/slurmd.pid"
  stop_pid "$dir/slurmctld.pid"
  say "stopped (munged keeps running: other programs may use it)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
