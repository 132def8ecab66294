### errmap's own English messages for the four Ory Kratos ids that have no fixed message:
### 4000001 and 5000001 carry whatever reason the raising code gives, 4060003 and 4070004
### are declared but never sent. Every other id has Ory's English in mappings/ory-kratos.toml.

ory-kratos-4000001 = The submitted values are invalid.
ory-kratos-4060003 = The recovery request has no recovery token.
ory-kratos-4070004 = The verification request has no verification token.
ory-kratos-5000001 = A system error occurred.
