### errmap's own English message for the AADB2C code seen in the wild but absent from the table
### (message_documented = false in mappings/azure-ad-b2c.toml).

azure-ad-b2c-AADB2C99001 = This user already exists, and the policy's profile does not allow the same user to be created again.
