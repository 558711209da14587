#!/usr/bin/env bash
# Records the ClientHandshakeFuzzTest seed flights again, against openssl s_server on loopback (README,
# "Fuzzing"): needed whenever FuzzClient or what our ClientHello holds changes (recordedFlightsComplete
# fails until then). Run from anywhere; builds the handshake module's test classes first (offline).
set -euo pipefail
root="$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.."
cd "$root"
mvn -B -q -o -pl bundles/handshake -am test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz-cp.txt
cd bundles/handshake
PKI=src/test/resources/org/securesocket/handshake/fuzz/pki
OUT=src/test/resources/org/securesocket/handshake/fuzz/ClientHandshakeFuzzTestInputs/serverStream
CP="target/test-classes:target/classes:$(cat target/fuzz-cp.txt)"
EC=(-cert "$PKI/server-ec.pem" -key "$PKI/server-ec.key")
RSA=(-cert "$PKI/server-rsa.pem" -key "$PKI/server-rsa.key")

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# record NAME INPUT OPENSSL_ARGS...: INPUT is "keyupdate" to make the server send a KeyUpdate after 3 s
record() {
    local name=$1 input=$2 port
    shift 2
    port=$(free_port)
    if [[ $input == keyupdate ]]; then
        (sleep 3; echo K; sleep 12) | openssl s_server -accept "$port" -naccept 1 "$@" >/dev/null 2>&1 &
    else
        sleep 15 | openssl s_server -accept "$port" -naccept 1 "$@" >/dev/null 2>&1 &
    fi
    sleep 1.5
    java -cp "$CP" org.securesocket.handshake.fuzz.ServerFlightRecorder "$port" "$OUT/seed-$name"
    wait
}

record tls13-ecdsa - -tls1_3 "${EC[@]}"
record tls13-hrr - -tls1_3 -groups P-384 "${EC[@]}"
record tls13-certificate-request - -tls1_3 -verify 1 -alpn h2 "${RSA[@]}"
record tls13-key-update keyupdate -tls1_3 "${EC[@]}"
record tls12-ecdsa - -tls1_2 "${EC[@]}"
record tls12-rsa - -tls1_2 -alpn http/1.1 "${RSA[@]}"
record tls12-certificate-request - -tls1_2 -verify 1 "${EC[@]}"
record tls12-dhe-rsa - -tls1_2 -cipher DHE-RSA-AES128-GCM-SHA256 "${RSA[@]}"
