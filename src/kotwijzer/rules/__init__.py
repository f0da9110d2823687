"""The law as small vectorised functions: aanspraak, hours, amount. Each names the provision it implements."""
