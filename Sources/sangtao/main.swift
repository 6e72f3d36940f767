print("sangtao")
