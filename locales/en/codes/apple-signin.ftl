### errmap's own English message for the Sign in with Apple error Apple documents no text
### for (message_documented = false in mappings/apple-signin.toml).

apple-signin-user_cancelled_authorize = The user cancelled Sign in with Apple.
