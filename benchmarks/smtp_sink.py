"""A local SMTP sink (aiosmtpd): accepts every message and writes each recipient to a file, one a
line, so a run can count the emails and find duplicates.

    python -m benchmarks.smtp_sink --port 8025 --out var/bench/smtp-recipients.txt
"""

import argparse
import asyncio
import signal


class Sink:
    def __init__(self, out):
        self.out = out

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        for recipient in envelope.rcpt_tos:
            self.out.write(recipient + "\n")
        return "250 Message accepted for delivery"


def main() -> None:
    from aiosmtpd.controller import Controller

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    with open(args.out, "w", buffering=1 << 16) as out:
        controller = Controller(Sink(out), hostname="127.0.0.1", port=args.port)
        controller.start()
        stop = asyncio.Event()
        loop = asyncio.new_event_loop()
        for name in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(name, stop.set)
        loop.run_until_complete(stop.wait())
        controller.stop()
        out.flush()


if __name__ == "__main__":
    main()
