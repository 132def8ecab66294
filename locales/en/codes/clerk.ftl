### errmap's own English messages for the Clerk codes whose text api_errors.json leaves
### empty (the server still sends one) and for the codes Clerk documents no text for.
### Where Clerk's en-US UI localization has a text for the code, ours follows it.

clerk-cookie_invalid = The client cookie or rotating token is invalid.
clerk-form_identifier_exists = This identifier (email address, phone number or username) is already taken.
clerk-form_identifier_not_found = Couldn't find your account.
clerk-form_already_exists = This value already exists.
clerk-form_param_format_invalid = The parameter's format is invalid.
clerk-form_password_length_too_short = Your password is too short.
clerk-form_password_length_too_long = Your password is too long.
clerk-form_password_no_special_char = Passwords must contain at least one special character.
clerk-form_param_nil = The parameter must not be empty.
clerk-form_password_or_identifier_incorrect = Password or identifier is incorrect. Try again, or use another method.
clerk-form_password_pwned = This password has been found as part of a breach and can not be used, please try another password instead.
clerk-form_password_compromised = Your password may be compromised. Please continue with another sign-in method; you will have to reset your password after signing in.
clerk-form_password_digest_invalid_code = The password digest is not valid for the given password hasher.
clerk-form_param_exceeds_allowed_size = The parameter exceeds the maximum allowed size.
clerk-form_username_invalid_length = Your username is not of the required length.
clerk-form_username_needs_non_number_char = Your username must contain at least one non-numeric character.
clerk-form_username_cannot_be_phone_number = A username cannot be a phone number. Please choose a different username.
clerk-form_username_invalid_character = Your username contains characters that are not allowed.
clerk-last_required_identification_deletion_failed = Your account must keep at least one identifier of this type.
clerk-immutable_attribute_modification_not_allowed = This attribute is immutable and cannot be modified or removed.
clerk-oauth_access_denied = You did not grant access to your account.
clerk-redirect_uri_mismatch = The provider's configuration is invalid: this endpoint is not among its allowed callback URLs.
clerk-oauth_config_missing = The application has no OAuth keys set for this provider.
clerk-oauth_provider_not_enabled = Single sign-on with this OAuth provider is not enabled in the instance settings.
clerk-oauth_unsupported_provider = This OAuth provider is not supported.
clerk-oauth_non_authenticatable_provider = This OAuth provider is not supported for authentication.
clerk-saml_user_attribute_missing = This account lacks a required attribute. Contact the IdP administrator.
clerk-account_lockout_warning = Sign-in failed; the account will be locked after a few more failed attempts.
clerk-not_allowed_to_sign_up = You are not allowed to sign up.
clerk-oauth_email_domain_reserved_by_saml = This email domain is reserved for SAML SSO and cannot sign in with OAuth.
clerk-external_account_exists = This external account already belongs to a user; sign in instead.
clerk-protect_check_aborted = The verification check was aborted.
