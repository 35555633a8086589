from p4_desk.cli import main

raise SystemExit(main())
