#!/usr/bin/env bash
# Starts or stops a real single-node Apache Kafka broker (KRaft mode) from the official
# Apache Kafka jars on Maven Central, run with the machine's Java 17. Idempotent: `start`
# when a broker already answers on the port does nothing; `stop` only stops the PID we wrote.
#
#   scripts/kafka.sh start|stop|status|version
#
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_HOME (.run/kafka: config,
# data, pid, log), KAFKA_VERSION (from pom.xml).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
home="${KAFKA_HOME:-$root/.run/kafka}"
version="${KAFKA_VERSION:-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/kafka/pom.xml")}"
# The jars are shared by every broker these scripts start (fault tests start their own).
libs="$root/.run/kafka/libs-$version"
pidfile="$home/broker.pid"
log="$home/broker.log"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

resolve_jars() {
  [ -f "$libs/.complete" ] && return 0
  echo "kafka: resolving Apache Kafka $version jars from Maven Central"
  mkdir -p "$libs"
  mvn -q -B -f "$here/kafka/pom.xml" -Dkafka.version="$version" \
    dependency:copy-dependencies -DoutputDirectory="$libs" -DincludeScope=runtime
  touch "$libs/.complete"
}

write_config() {
  mkdir -p "$home/data"
  cat > "$home/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$home/data
num.partitions=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  cat > "$home/log4j2.yaml" <<'YAML'
Configuration:
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        Pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: WARN
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.server.KafkaServer
        level: INFO
      - name: kafka.server.KafkaRaftServer
        level: INFO
      - name: org.apache.kafka.common.utils.AppInfoParser
        level: INFO
YAML
}

java_cmd() {
  java -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$home/log4j2.yaml" -cp "$libs/*" "$@"
}

# The process listening on the port, and the Apache Kafka version its class path names.
describe_listener() {
  local pid cmd
  pid="$({ ss -Hltnp "sport = :$port" 2>/dev/null || true; } | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
  [ -n "$pid" ] || { echo "an unknown process"; return; }
  cmd="$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null)"
  case "$cmd" in
    *kafka.Kafka*) echo "Apache Kafka $(echo "$cmd" | grep -o 'libs-[0-9][0-9.]*' | head -1 | cut -d- -f2) broker pid $pid" ;;
    *) echo "pid $pid (${cmd%% *})" ;;
  esac
}

start() {
  if port_open "$port"; then
    echo "kafka: a broker already answers on 127.0.0.1:$port: $(describe_listener)"
    return 0
  fi
  resolve_jars
  write_config
  if [ ! -f "$home/data/meta.properties" ]; then
    java_cmd kafka.tools.StorageTool format --standalone \
      -t "$(java_cmd kafka.tools.StorageTool random-uuid)" -c "$home/server.properties" >/dev/null
  fi
  nohup java -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$home/log4j2.yaml" -cp "$libs/*" \
    kafka.Kafka "$home/server.properties" >"$log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 120); do
    if port_open "$port"; then
      echo "kafka: Apache Kafka $version (KRaft) broker pid $(cat "$pidfile") listening on 127.0.0.1:$port"
      return 0
    fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "kafka: broker exited during start; last log lines:" >&2
      tail -40 "$log" >&2
      return 1
    fi
    sleep 0.5
  done
  echo "kafka: broker did not open 127.0.0.1:$port within 60 s" >&2
  tail -40 "$log" >&2
  return 1
}

stop() {
  [ -f "$pidfile" ] || { echo "kafka: no broker started by this script"; return 0; }
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "kafka: stopped broker pid $pid"
  fi
  rm -f "$pidfile"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) if port_open "$port"; then echo "kafka: up on 127.0.0.1:$port"; else echo "kafka: down"; exit 1; fi ;;
  version) echo "$version" ;;
  *) echo "usage: $0 start|stop|status|version" >&2; exit 2 ;;
esac
