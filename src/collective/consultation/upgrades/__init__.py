"""GenericSetup upgrade steps, one module per profile version (see configure.zcml)."""
