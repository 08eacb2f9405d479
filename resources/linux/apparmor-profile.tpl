# AppArmor profile installed by Vitrine's deb package (electron-builder's deb `afterInstall`
# script copies it to /etc/apparmor.d/${executable} where AppArmor supports abi/4.0).
# Ubuntu 23.10 and later restrict unprivileged user namespaces, which Chromium's sandbox needs;
# this profile names the app and allows it `userns`, so the sandbox keeps working. It does not
# turn the sandbox off (see README, "Linux: AppArmor").
abi <abi/4.0>,
include <tunables/global>

profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {
  userns,

  # Site-specific additions and overrides. See local/README for details.
  include if exists <local/${executable}>
}
