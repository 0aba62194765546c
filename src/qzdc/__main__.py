from qzdc.cli import main

main()
