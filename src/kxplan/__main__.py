from kxplan.cli import main

main()
