"""Entry point of the frozen bundle (PyInstaller runs this file as __main__)."""

from p4_desk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
