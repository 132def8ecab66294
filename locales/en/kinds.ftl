### Messages and hints for errmap's canonical error kinds (English).
### One entry per kind in mappings/taxonomy.toml, in the same order.
###
### The value is a short message that can be shown to the person affected.
### `.hint` says what to do next and is addressed to the kind's actor:
### end_user: the person signing in; integrator: the developer calling the API;
### administrator: the tenant or application admin; operator: whoever runs the service.
### `.detailed` (two kinds only) is used instead of the value when its variables are known.


## Signing in

kind-authentication_failed = Sign-in failed.
    .hint = Try again in a moment. If it keeps failing, contact support.
kind-invalid_grant = The sign-in details or the authorization presented were not accepted.
    .hint = Sign in again to get a fresh authorization.
kind-invalid_credentials = The account name or password is incorrect.
    .hint = Check both and try again. If you have forgotten your password, reset it.
    .detailed = The account name or password is incorrect. { $remaining ->
        [0] No attempts left.
        [one] { $remaining } attempt left.
       *[other] { $remaining } attempts left.
    }
kind-user_not_found = No account matches these details.
    .hint = Check the account name, or sign up if you have no account yet.
kind-bad_password = The password is incorrect.
    .hint = Try again, or reset your password if you have forgotten it.
kind-old_password_incorrect = The current password you entered is incorrect.
    .hint = Enter the password you sign in with now. If you have forgotten it, reset your password instead.
kind-refresh_token_invalid = Your sign-in can no longer be renewed.
    .hint = Sign in again to continue.
kind-authorization_code_invalid = The sign-in could not be completed: its authorization code was not accepted.
    .hint = Redeem each authorization code once, soon after it is issued, with the redirect URI and PKCE code verifier of its authorization request. Then start the sign-in again.
kind-device_code_expired = The sign-in request for this device has expired.
    .hint = Start a new device authorization and show the user the new code. Stop polling with the old device code.
kind-password_not_set = This account has no password, so it cannot sign in with one.
    .hint = Sign in the way you set up the account, such as with a linked social account.
kind-client_authentication_failed = The application's own credentials were rejected.
    .hint = Check the client ID and secret (or key) the application sends, and generate a new secret if the old one was revoked.
kind-client_not_found = The application is not registered with the sign-in service.
    .hint = Check the client ID the application sends, and that the client is registered in the realm, tenant or environment the request goes to.


## Account status

kind-account_unavailable = This account cannot be used right now.
    .hint = Check the account's status in user management and restore access if appropriate.
kind-locked = This account is locked.
    .hint = Find out why the account was locked, then unlock it in user management.
kind-locked_temporarily = This account is temporarily locked after too many failed sign-ins.
    .hint = The lock ends by itself. Wait a few minutes, then try again.
    .detailed = This account is temporarily locked. It unlocks in { $minutes ->
        [0] { $seconds ->
            [one] { $seconds } second
           *[other] { $seconds } seconds
        }
        [one] { $seconds ->
            [0] { $minutes } minute
            [one] { $minutes } minute and { $seconds } second
           *[other] { $minutes } minute and { $seconds } seconds
        }
       *[other] { $seconds ->
            [0] { $minutes } minutes
            [one] { $minutes } minutes and { $seconds } second
           *[other] { $minutes } minutes and { $seconds } seconds
        }
    }.
kind-disabled = This account has been disabled.
    .hint = If the user should still have access, enable the account again in user management.
kind-contact_not_verified = The email address or phone number for this account is not verified.
    .hint = Follow the verification message you were sent, or ask for a new one, then try again.
kind-signup_failed = The account could not be created.
    .hint = Check the details you entered and try again. If you already have an account, sign in instead.


## Sessions and tokens

kind-login_required = You need to sign in to continue.
    .hint = Sign in, then try again.
kind-token_invalid = Your sign-in session is not valid.
    .hint = Sign in again to continue.
kind-token_expired = Your sign-in session has expired.
    .hint = Sign in again to continue.


## Verification

kind-verification_failed = Verification failed.
    .hint = Go through the verification step again.
kind-verification_code_invalid = The verification code is incorrect.
    .hint = Check the code in the most recent message you received, or request a new one.
kind-verification_code_expired = The verification code has expired.
    .hint = Request a new code and enter it soon after it arrives.
kind-captcha_required = A security check is needed to continue.
    .hint = Complete the CAPTCHA, then submit again.
kind-captcha_invalid = The security check was not passed.
    .hint = Try the CAPTCHA again.
kind-captcha_expired = The security check has expired.
    .hint = Complete a new CAPTCHA, then submit again.
kind-action_link_invalid = This link is not valid or has already been used.
    .hint = Request a new link and use the one in the most recent email.
kind-action_link_expired = This link has expired.
    .hint = Request a new link and open it soon after it arrives.
kind-mfa_code_invalid = The authentication code is incorrect.
    .hint = Enter the code your authenticator app shows now, and check that your device's clock is correct.
kind-recovery_code_invalid = The recovery code is incorrect.
    .hint = Check the code against the recovery codes you saved. Each code works only once.
kind-biometric_mismatch = Biometric verification did not match.
    .hint = Try again in good light, facing the camera, or use another sign-in method.


## Sign-in flow steps (not failures)

kind-action_required = One more step is needed to finish signing in.
    .hint = Follow the instructions on screen to continue.
kind-step_up_required = This needs a stronger or more recent sign-in.
    .hint = Sign in again, with the additional verification you are asked for.
kind-reauthentication_required = Please confirm it is you before doing this.
    .hint = Sign in again or complete the verification, then repeat the action.
kind-mfa_required = Additional verification is needed to finish signing in.
    .hint = Enter a code from your authenticator app, or use another second factor, to continue.
kind-consent_required = The application needs your consent to continue.
    .hint = Review the access the application asks for and approve it to continue.
kind-authorization_pending = The authorization is still waiting for approval.
    .hint = Keep polling at the interval the server gave until the user approves or the request expires.
kind-password_change_required = You need to set a new password to continue.
    .hint = Choose a new password that meets the password requirements.
kind-first_login_password_change = This is your first sign-in, so please set a new password.
    .hint = Choose a new password that meets the requirements. The initial password will stop working.
kind-account_link_required = This sign-in needs to be linked to an account to continue.
    .hint = Sign in to your account to link it, or follow the instructions on screen.
kind-account_link_existing_required = This sign-in needs to be linked to an existing account.
    .hint = Sign in to your existing account to link it. Creating a new account is not offered here.
kind-account_link_or_create_required = This sign-in needs to be linked to a new or existing account.
    .hint = Sign in to your existing account to link it, or create a new account.
kind-profile_completion_required = Some profile details are needed to continue.
    .hint = Fill in the missing details to finish signing in.
kind-flow_completed = Sign-in completed.
    .hint = No action is needed.
kind-flow_aborted = Sign-in was ended before it finished.
    .hint = Start again from the sign-in page.
kind-login_cancelled = Sign-in was cancelled.
    .hint = Start again whenever you are ready.


## Authorization

kind-permission_denied = You do not have permission to do this.
    .hint = If the user should be allowed to do this, grant the needed permission or role.
kind-client_not_authorized = This application is not allowed to sign in this way.
    .hint = Allow the grant type or response type for the application in the provider's settings, or use a flow it is allowed.
kind-insufficient_scope = The access token does not grant this permission.
    .hint = Request a token with the scope this operation needs.
kind-login_not_allowed = This account is not allowed to sign in to this application.
    .hint = If the user should have access, grant it to them for this application or tenant.
kind-app_disabled = This application is currently disabled.
    .hint = Enable the application again in its settings.
kind-origin_not_allowed = Requests from this site are not allowed.
    .hint = Add the origin or domain to the application's allowed origins or callback URLs.
kind-feature_disabled = This feature is not enabled.
    .hint = Enable the feature or service needed for this application or tenant.
kind-signup_disabled = Sign-up is not available for this application.
    .hint = If new users should be able to sign up, allow registration in the application's settings.


## Invalid requests

kind-invalid_request = The request could not be processed.
    .hint = Check the request parameters against the API documentation.
kind-invalid_parameter = A value in the request is not valid.
    .hint = Check the format, length and allowed values of the parameters against the API documentation.
kind-invalid_scope = The requested scope is not valid.
    .hint = Request only scopes the provider defines and the application is allowed.
kind-invalid_email = The email address is not valid.
    .hint = Check the address for typos. It should look like name@example.com.
kind-invalid_phone = The phone number is not valid.
    .hint = Check the number, and include the country code if needed.
kind-password_policy_violation = The new password does not meet the password requirements.
    .hint = Choose a longer or stronger password that you have not used before.
kind-value_unchanged = The new value is the same as the current one.
    .hint = Enter a different value, or leave it as it is.
kind-missing_parameter = The request is missing required information.
    .hint = Add the missing parameter. The API documentation lists the parameters each call requires.
kind-app_id_missing = The request does not say which application it is for.
    .hint = Send the application (client) ID with the request.
kind-old_password_missing = Your current password is needed to change it.
    .hint = Enter your current password together with the new one.
kind-unsupported_operation = This operation is not supported.
    .hint = Check in the API documentation which operations, scenarios and types this endpoint supports.
kind-precondition_failed = The account's current state does not allow this action.
    .hint = Check the account's settings and finish any pending steps, then try again.
kind-contact_missing = This account has no email address or phone number.
    .hint = Add an email address or phone number to your account, then try again.
kind-email_missing = This account has no email address.
    .hint = Add an email address to your account, then try again.
kind-last_login_method = You cannot remove your only sign-in method.
    .hint = Add another sign-in method first, then remove this one.


## Not found

kind-resource_not_found = The requested item was not found.
    .hint = Check the ID in the request. The item may have been deleted.
kind-app_not_found = The application was not found.
    .hint = Check the application (client) ID and the environment the request is sent to.
kind-user_pool_not_found = The user directory was not found.
    .hint = Check the user pool (tenant) ID the request uses.
kind-link_not_found = This sign-in method is not linked to your account.
    .hint = There is nothing to remove. Your account settings show which methods are linked.


## Conflicts

kind-conflict = The request conflicts with the current data.
    .hint = Fetch the current state, then retry the request with updated values.
kind-already_exists = An item with the same name or identifier already exists.
    .hint = Use a different name, code or identifier, or update the existing item.
kind-account_exists = An account with these details already exists.
    .hint = Sign in to that account, or reset its password if you have forgotten it.
kind-email_taken = This email address is already used by an account.
    .hint = Sign in with this email address, or use a different one.
kind-phone_taken = This phone number is already used by an account.
    .hint = Sign in with this phone number, or use a different one.
kind-username_taken = This username is already taken.
    .hint = Choose a different username.
kind-domain_unavailable = This domain cannot be used.
    .hint = Choose a different domain. This one is taken or reserved.
kind-domain_taken = This domain is already in use.
    .hint = Choose a different domain, or release it from the application or user pool that uses it.
kind-link_conflict = This sign-in method is already linked.
    .hint = There is no need to link it again. Your account settings show which methods are linked.
kind-already_linked = Your account already has this sign-in method linked.
    .hint = To link a different one, unlink the current one first.
kind-linked_to_other_account = This sign-in method is already linked to another account.
    .hint = Sign in to the other account and unlink it there, or use a different sign-in method.
kind-resource_in_use = This item is still in use, so it cannot be changed or deleted.
    .hint = First remove what depends on it, such as sub-organizations, users or bound accounts, then try again.


## Limits and billing

kind-rate_limited = Too many requests in a short time.
    .hint = Wait a little while, then try again.
kind-sms_rate_limited = Text messages were requested too often.
    .hint = Wait a minute before requesting another code.
kind-billing_error = This operation was refused for billing reasons.
    .hint = Check the subscription and billing status with the service provider.
kind-quota_exceeded = A usage limit of the subscription has been reached.
    .hint = Upgrade the subscription, or wait until the limit resets, for example next month.
kind-insufficient_balance = The balance with the service provider is too low for this.
    .hint = Top up the balance with the service provider, then try again.


## Configuration, upstreams and servers

kind-configuration_error = The sign-in service is not configured correctly.
    .hint = Check the application and tenant settings in the admin console.
kind-upstream_error = A service this request depends on failed.
    .hint = Try again later. If it persists, check the status of the services it depends on.
kind-identity_provider_error = The external sign-in provider reported a problem.
    .hint = Check the configuration and status of the identity provider (social login, LDAP, one-click login), then try again.
kind-delivery_failed = The code or link could not be sent.
    .hint = Check the configuration and status of the messaging service. The user can request the message again later.
kind-sms_delivery_failed = The text message could not be sent.
    .hint = Check the configuration, balance and status of the SMS service, then try again.
kind-email_delivery_failed = The email could not be sent.
    .hint = Check the configuration (templates, sender) and status of the email service, then try again.
kind-malformed_response = The service sent a response that could not be read.
    .hint = Try again. If it persists, inspect the raw response in the logs and check for API version changes.
kind-network_error = The service could not be reached.
    .hint = Check your internet connection, then try again.
kind-internal_error = Something went wrong on the server.
    .hint = Try again later. If it keeps failing, check the logs and the service status.
kind-service_unavailable = The service is busy or unavailable right now.
    .hint = Try again later, waiting longer between attempts. If it persists, check the service status.
kind-unknown = An unexpected error occurred.
    .hint = Look up the original error code in the logs, and add a mapping for it if it is new.
kind-redirect_uri_mismatch = The redirect URI of the request is not registered for this application.
    .hint = Register the exact redirect URI with the application, or send one that is registered (scheme, host, path and trailing slash must match).
kind-policy_blocked = A sign-in policy blocks this request.
    .hint = Sign in from an allowed location, network, device or app, or ask an administrator which access policy applies.
