from .jalankan import main

main()
