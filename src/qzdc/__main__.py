from qzdc.cli.fast import main

main()
