"""What every feature of the desktop client shares: resources, fonts, settings, translations."""
