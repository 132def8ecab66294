### errmap's own Traditional Chinese (Taiwan) translations of Authing Android SDK error messages.
### Codes the vendor writes in Chinese: the vendor's Simplified text in mappings/authing-android.toml
### is the source of truth. Codes the vendor writes in English: converted from our Simplified
### translations in locales/zh-CN/codes/authing-android.ftl; the vendor's English text is the source
### of truth. These lines are ours, drafted with OpenCC s2twp and reviewed by hand.

authing-android-1636 = 正在前往 MFA 驗證。
authing-android-1639 = 首次登入需要重設密碼。
authing-android-1640 = 以微信帳號登入時詢問是否綁定，僅允許綁定現有帳號。
authing-android-1641 = 以微信帳號登入時詢問是否綁定，允許綁定現有帳號或建立新帳號。
authing-android-2921 = 以微信帳號登入時詢問是否綁定，需從多個帳號中選擇一個後再綁定。
authing-android-10001 = 網路錯誤。
authing-android-10002 = 找不到設定。
authing-android-10003 = 登入失敗。
authing-android-10004 = JSON 解析失敗。
authing-android-10005 = 一鍵登入授權失敗。
authing-android-10006 = 一鍵登入已取消。
authing-android-10007 = 支付寶授權失敗。
authing-android-10008 = 60 秒內已傳送過簡訊驗證碼。
authing-android-10009 = 大頭貼上傳失敗。
authing-android-10010 = Facebook 登入已取消或登入失敗。
