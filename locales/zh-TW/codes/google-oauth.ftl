### errmap's own Traditional Chinese (Taiwan) translations of the Google OAuth errors
### (mappings/google-oauth.toml). Google's wire texts are English; these lines are ours.

google-oauth-admin_policy_enforced = Google Workspace 管理員的政策不允許此帳戶授權所要求的範圍。
google-oauth-disallowed_useragent = Google 不允許在內嵌瀏覽器（WebView）中登入。請在瀏覽器中開啟登入頁面。
google-oauth-org_internal = 此用戶端僅限其機構內的使用者使用。
google-oauth-invalid_client = OAuth 用戶端無效，或其密鑰不正確。
google-oauth-deleted_client = 該 OAuth 用戶端已遭刪除。
google-oauth-disabled_client = 該 OAuth 用戶端已停用。
google-oauth-invalid_grant = 授權碼或更新權杖無效、已過期或已遭撤銷。
google-oauth-redirect_uri_mismatch = 重新導向 URI 與該 OAuth 用戶端已授權的重新導向 URI 不符。
google-oauth-origin_mismatch = 要求來自未獲授權為該 OAuth 用戶端 JavaScript 來源的來源。
google-oauth-invalid_request = 授權要求格式有誤，或違反了 Google 的 OAuth 政策。
google-oauth-access_denied = 使用者未授予所要求的存取權。
google-oauth-unauthorized_client = 用戶端無權以此方式取得存取權杖，或用戶端未獲准使用所要求的任何範圍。
google-oauth-invalid_scope = 提供的 OAuth 範圍或 ID 權杖對象無效。
google-oauth-access_not_configured = 此應用程式的專案尚未設定存取權。
google-oauth-invalid_dpop_proof = DPoP 證明無效。
google-oauth-use_dpop_nonce = DPoP 證明必須附上伺服器提供的 nonce。
google-oauth-popup_failed_to_open = 彈出式視窗無法開啟。
google-oauth-popup_closed = 流程完成前彈出式視窗已關閉。
google-oauth-missing_required_parameter = 缺少必要的參數。
google-oauth-unknown = 不明的錯誤。
