### errmap's own Traditional Chinese (Taiwan) translations of the GitHub OAuth errors
### (mappings/github-oauth.toml). GitHub writes English only; these lines are ours.

github-oauth-application_suspended = 您的應用程式已遭停權。請聯絡 support@github.com。
github-oauth-redirect_uri_mismatch = redirect_uri 必須與此應用程式註冊的回呼 URL 相符。
github-oauth-access_denied = 使用者拒絕了您的應用程式的存取要求。
github-oauth-incorrect_client_credentials = 傳入的 client_id 和/或 client_secret 不正確。
github-oauth-bad_verification_code = 傳入的授權碼不正確或已過期。
github-oauth-unverified_user_email = 使用者必須擁有已驗證的主要電子郵件。
github-oauth-bad_refresh_token = 重新整理權杖無效或已過期。請透過網頁流程或裝置流程重新登入。
github-oauth-authorization_pending = 使用者尚未輸入裝置代碼。請依指定的間隔持續輪詢。
github-oauth-slow_down = 輪詢過於頻繁。請等待回應中指定的間隔後再輪詢。
github-oauth-expired_token = 裝置代碼已過期。請重新申請裝置代碼。
github-oauth-unsupported_grant_type = 為裝置流程輪詢權杖時，授與類型必須為 urn:ietf:params:oauth:grant-type:device_code。
github-oauth-incorrect_device_code = 裝置代碼無效。
github-oauth-device_flow_disabled = 此應用程式的設定中未啟用裝置流程。
