### errmap's own English translations of Authing Android SDK return-code messages
### that the vendor wrote in Chinese (codes 1636-2921 and 10008).
### The vendor's Chinese text is the source of truth; these lines are ours.

authing-android-1636 = Redirecting to MFA verification.
authing-android-1639 = Password reset required on first login.
authing-android-1640 = WeChat account login asks for binding; only binding to an existing account is allowed.
authing-android-1641 = WeChat account login asks for binding; binding to an existing account or creating a new account is allowed.
authing-android-2921 = WeChat account login asks for binding; bind after selecting one of multiple accounts.
authing-android-10008 = An SMS verification code has already been sent within the last 60 seconds.
