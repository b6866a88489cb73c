from annobib.cli import main

main()
