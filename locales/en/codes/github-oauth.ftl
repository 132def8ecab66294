### errmap's own English messages for the GitHub OAuth errors whose documentation gives no
### error_description (message_documented = false in mappings/github-oauth.toml).

github-oauth-bad_refresh_token = The refresh token is invalid or has expired. Sign in again through the web or device flow.
github-oauth-authorization_pending = The user has not entered the device code yet. Keep polling at the given interval.
github-oauth-slow_down = Polling too often. Wait the interval given in the answer before polling again.
github-oauth-expired_token = The device code has expired. Request a new device code.
github-oauth-unsupported_grant_type = The grant type must be urn:ietf:params:oauth:grant-type:device_code when polling for the device flow's token.
github-oauth-incorrect_device_code = The device code is not valid.
github-oauth-device_flow_disabled = The device flow is not enabled in this app's settings.
