from kxplan.cli.entry import main

main()
