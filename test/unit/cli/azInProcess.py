# The real Azure CLI, kept running: each line on stdin is a JSON array of az arguments, run in this process by the
# CLI's own entry point (azure.cli.core's get_default_cli().invoke, as the CLI's own scenario tests run commands), and
# answered by one JSON line {"code", "stdout", "stderr"}. Its modules load once instead of once per command.
import contextlib
import io
import json
import sys

from azure.cli.core import get_default_cli

answers = sys.stdout
for line in sys.stdin:
    args = json.loads(line)
    out = io.StringIO()
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = get_default_cli().invoke(args, out_file=out)
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
    answers.write(json.dumps({"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}) + "\n")
    answers.flush()
