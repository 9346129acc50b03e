from calledit.cli import main

main()
