#!/usr/bin/env python3
"""A development webhook for the HTTP gateway (`make run`): accepts CloudEvents POSTed in
structured mode on 127.0.0.1 and logs each event's type, id and source (never its data, which
holds personal data). Answers 200; with --fail-first N it answers 503 to the first N requests, to
show the broker's retries.

    python3 scripts/webhook-receiver.py [--port 9590] [--fail-first 0]
"""
import argparse
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 1 << 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=9590, help="port on 127.0.0.1 (default 9590)")
    parser.add_argument("--fail-first", type=int, default=0, help="answer 503 to this many requests first")
    arguments = parser.parse_args()
    state = {"remaining_failures": arguments.fail_first, "received": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
            length = int(self.headers.get("Content-Length", "0") or 0)
            if length > MAX_BODY:
                self.send_error(413)
                return
            body = self.rfile.read(length)
            if state["remaining_failures"] > 0:
                state["remaining_failures"] -= 1
                self.send_response(503)
                self.send_header("Retry-After", "1")
                self.send_header("Content-Length", "0")
                self.end_headers()
                print("webhook: answered 503 (simulated outage)", flush=True)
                return
            try:
                event = json.loads(body)
                summary = f"type={event.get('type')} id={event.get('id')} source={event.get('source')}"
            except ValueError:
                self.send_error(400, "not JSON")
                return
            state["received"] += 1
            print(f"webhook: received #{state['received']} {summary}", flush=True)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", arguments.port), Handler)
    print(f"webhook-receiver ready port={arguments.port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        sys.exit(0)


if __name__ == "__main__":
    main()
