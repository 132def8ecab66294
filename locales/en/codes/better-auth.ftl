### errmap's own English messages for the Better Auth codes that carry no text of their
### own: the lower-case codes of redirects (?error=<code>) and OAUTH_LINK_ERROR, whose
### message is the underlying reason.

better-auth-OAUTH_LINK_ERROR = The social sign-in could not link or create the account.
better-auth-no_code = The OAuth provider returned no authorization code.
better-auth-oauth_provider_not_found = The OAuth provider in the callback is not configured.
better-auth-issuer_missing = The OAuth callback has no iss parameter.
better-auth-issuer_mismatch = The OAuth callback's iss does not match the provider's issuer.
better-auth-invalid_code = The authorization code could not be exchanged for tokens.
better-auth-nonce_binding_missing = The ID token's nonce binding is missing.
better-auth-unable_to_get_user_info = The user's profile could not be fetched from the OAuth provider.
better-auth-no_callback_url = No callback URL was stored for this sign-in.
better-auth-unable_to_link_account = The account could not be linked.
better-auth-email_does_not_match = The provider's email address does not match yours.
better-auth-account_already_linked_to_different_user = This account is already linked to a different user.
better-auth-email_not_found = The OAuth provider returned no email address.
better-auth-email_not_verified = Email not verified.
better-auth-state_not_found = The OAuth callback has no state parameter.
better-auth-state_invalid = The OAuth state is invalid.
better-auth-state_mismatch = The OAuth state does not match or has expired.
better-auth-invalid_callback_request = The OAuth callback request is invalid.
better-auth-internal_server_error = Internal server error.
better-auth-failed_to_create_user = Failed to create the user.
better-auth-new_user_signup_disabled = New user sign-up is disabled.
better-auth-user_not_found = User not found.
better-auth-failed_to_create_session = Failed to create the session.
