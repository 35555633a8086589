from p4_desk.central.cli import main

raise SystemExit(main())
