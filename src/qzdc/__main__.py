from qzdc.cli.app import main

main()
