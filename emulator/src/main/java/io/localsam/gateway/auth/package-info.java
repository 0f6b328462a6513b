/**
 * Internal to the gateway: the checks its authorizers make that need no server, each testable
 * alone: JSON Web Key Sets and JWT signatures over the JDK, API Gateway's token rules, IAM policy
 * evaluation, the SigV4 header's shape and the claim values functions receive. Public only so the
 * gateway can reach them; not part of LocalSAM's API.
 */
package io.localsam.gateway.auth;
