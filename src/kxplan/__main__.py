from kxplan.cli.app import main

main()
