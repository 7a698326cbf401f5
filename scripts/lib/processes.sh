# The processes our scripts start: each runs detached with its log in $LOG_DIR and its PID (and the
# binary it runs, to recognise it later) in $PID_DIR, so that `down` stops exactly those processes.
# Sourced after common.sh.
# shellcheck shell=bash

pid_file() { echo "$PID_DIR/$1.pid"; }

# running NODE: the node's recorded process is alive and is still the program we started.
running() {
  local file pid
  file=$(pid_file "$1")
  [ -f "$file" ] || return 1
  pid=$(<"$file")
  [ -d "/proc/$pid" ] && [ -f "$file.cmd" ] && grep -qaF "$(<"$file.cmd")" "/proc/$pid/cmdline"
}

started_nodes() {
  [ -d "$PID_DIR" ] || return 0
  find "$PID_DIR" -name '*.pid' -printf '%f\n' | sed 's/\.pid$//' | sort
}

stop_node() {
  local node=$1 file pid
  file=$(pid_file "$node")
  if running "$node"; then
    pid=$(<"$file")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      [ -d "/proc/$pid" ] || break
      sleep 0.2
    done
    if [ -d "/proc/$pid" ]; then
      warn "$node did not stop in 10 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    step "stopped $node (pid $pid)"
  fi
  rm -f "$file" "$file.cmd" "$PID_DIR/$node.package"
}

# stop_all: every process we started, clients of a layer before the layer: chaincode servers, peers,
# orderers, then the CAs (and anything else).
stop_all() {
  local node layer
  for layer in '^cc-' '^peer' '^orderer' '.'; do
    for node in $(started_nodes | grep -E "$layer" || true); do
      stop_node "$node"
    done
  done
  rm -f "$PID_DIR/mode"
}

# fail_node NODE MESSAGE: a node did not come up: show its log, stop everything, exit 1.
fail_node() {
  printf 'ERROR: %s\n' "$2" >&2
  if [ -f "$LOG_DIR/$1.log" ]; then
    printf -- '--- last lines of %s ---\n' "$LOG_DIR/$1.log" >&2
    tail -n 20 "$LOG_DIR/$1.log" >&2
    printf -- '---\n' >&2
  fi
  info "Stopping the nodes already started, so nothing is left half-running"
  stop_all
  exit $EXIT_FAILURE
}

# launch NODE BINARY ARGS...: starts a node in the background, detached, logging to its file; the
# PID file and the binary's path (to recognise the process later) go under $PID_DIR.
launch() {
  local node=$1
  shift
  mkdir -p "$PID_DIR" "$LOG_DIR"
  # Logs may hold secrets (fabric-ca-server prints its bootstrap identity): owner-only, like the keys.
  chmod 700 "$STATE_DIR" "$LOG_DIR"
  (umask 077 && touch "$LOG_DIR/$node.log")
  nohup setsid "$@" >>"$LOG_DIR/$node.log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$node")"
  printf '%s' "$1" >"$(pid_file "$node").cmd"
}

