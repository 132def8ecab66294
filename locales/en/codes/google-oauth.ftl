### errmap's own English messages for the Google OAuth errors Google documents no wire text
### for (message_documented = false in mappings/google-oauth.toml), after Google's explanations.

google-oauth-admin_policy_enforced = The Google Workspace administrator's policy does not allow this account to authorize the requested scopes.
google-oauth-disallowed_useragent = Google does not allow sign-in from an embedded browser (web view). Open the sign-in page in a browser.
google-oauth-invalid_client = The OAuth client is invalid or its secret is incorrect.
google-oauth-deleted_client = The OAuth client has been deleted.
google-oauth-invalid_grant = The authorization code or refresh token is invalid, expired or revoked.
google-oauth-redirect_uri_mismatch = The redirect URI does not match an authorized redirect URI of the OAuth client.
google-oauth-origin_mismatch = The request comes from an origin that is not an authorized JavaScript origin of the OAuth client.
google-oauth-invalid_request = The authorization request is malformed or breaks Google's OAuth policies.
google-oauth-access_denied = The user did not grant the requested access.
google-oauth-access_not_configured = Access is not configured for this app's project.
google-oauth-invalid_dpop_proof = The DPoP proof is invalid.
google-oauth-use_dpop_nonce = The DPoP proof must carry the nonce the server gives.
