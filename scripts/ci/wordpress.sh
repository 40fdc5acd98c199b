#!/usr/bin/env bash
# A real WordPress for the publish suite, from Debian's packages, on 127.0.0.1 only:
#   http://127.0.0.1:8088/  the site (Apache + mod_php + MariaDB), pretty permalinks on
#   http://127.0.0.1:8089/  the same site behind a vhost that strips the Authorization header,
#                           as some hosts do, so the suite can check Hallnotes names that problem
# with a fixed admin user and a fresh Application Password written to .ci-state/wordpress.json
# (ignored by git) for the tests. Idempotent: a second run only checks and starts what is down.
set -euo pipefail
cd "$(dirname "$0")/../.."
STATE_DIR="$PWD/.ci-state"
PORT=8088
STRIPPING_PORT=8089
DB_NAME=hallnotes_wordpress
DB_USER=hallnotes_wordpress
# Local test credentials only: MariaDB and WordPress listen on 127.0.0.1 and hold nothing real.
DB_PASSWORD=hallnotes-ci-db
CONFIG_NAME=hallnotes-ci

say() { echo "wordpress.sh: $*"; }

# php-xml: WordPress suggests it; its XML-RPC (which tells a wrong password from a stripped header) needs it.
packages=(wordpress apache2 libapache2-mod-php php-mysql php-xml mariadb-server curl)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  # A PHP module installed into a running Apache loads only on a restart.
  pgrep -x apache2 >/dev/null && service apache2 restart >/dev/null
fi

if ! mysqladmin ping --silent >/dev/null 2>&1; then
  say "starting MariaDB"
  service mariadb start >/dev/null
fi
mysql --protocol=socket -uroot <<SQL
CREATE DATABASE IF NOT EXISTS ${DB_NAME} CHARACTER SET utf8mb4;
CREATE USER IF NOT EXISTS '${DB_USER}'@'localhost' IDENTIFIED BY '${DB_PASSWORD}';
GRANT ALL PRIVILEGES ON ${DB_NAME}.* TO '${DB_USER}'@'localhost';
SQL

# Debian's wp-config.php picks /etc/wordpress/config-<WORDPRESS_CONFIG>.php (set by the vhosts below).
# The salts are made once and kept; the rest is rewritten each run, so a change here takes effect.
salts_file="/etc/wordpress/${CONFIG_NAME}-salts.php"
if [ ! -f "$salts_file" ]; then
  salt() { head -c 48 /dev/urandom | base64 | tr -d '\n/+='; }
  {
    echo '<?php'
    for key in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
      echo "define('${key}', '$(salt)');"
    done
  } >"$salts_file"
  chmod 640 "$salts_file"
  chgrp www-data "$salts_file"
fi
config_file="/etc/wordpress/config-${CONFIG_NAME}.php"
cat >"$config_file" <<PHP
<?php
// Written by Hallnotes' scripts/ci/wordpress.sh for the publish test suite.
define('DB_NAME', '${DB_NAME}');
define('DB_USER', '${DB_USER}');
define('DB_PASSWORD', '${DB_PASSWORD}');
define('DB_HOST', 'localhost');
define('DB_CHARSET', 'utf8mb4');
define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');
// Application Passwords need HTTPS unless the site says it is a local one (wp_is_application_passwords_supported()).
define('WP_ENVIRONMENT_TYPE', 'local');
// The same site answers on the stripping port under that port's address, so it does not redirect there.
if ((\$_SERVER['SERVER_PORT'] ?? '') === '${STRIPPING_PORT}') {
  define('WP_HOME', 'http://127.0.0.1:${STRIPPING_PORT}');
  define('WP_SITEURL', 'http://127.0.0.1:${STRIPPING_PORT}');
}
require '${salts_file}';
\$table_prefix = 'wp_';
PHP
chmod 640 "$config_file"
chgrp www-data "$config_file"

vhost() {
  local port=$1 extra=$2
  cat <<CONF
<VirtualHost 127.0.0.1:${port}>
  ServerName 127.0.0.1
  DocumentRoot /usr/share/wordpress
  SetEnv WORDPRESS_CONFIG ${CONFIG_NAME}
  Alias /wp-content /var/lib/wordpress/wp-content
  ${extra}
  <Directory /usr/share/wordpress>
    Options FollowSymLinks
    AllowOverride None
    Require all granted
    DirectoryIndex index.php
    RewriteEngine On
    RewriteBase /
    RewriteRule ^index\.php$ - [L]
    RewriteCond %{REQUEST_FILENAME} !-f
    RewriteCond %{REQUEST_FILENAME} !-d
    RewriteRule . /index.php [L]
  </Directory>
  <Directory /var/lib/wordpress/wp-content>
    Options FollowSymLinks
    Require all granted
  </Directory>
  ErrorLog \${APACHE_LOG_DIR}/hallnotes-wordpress-error.log
  CustomLog \${APACHE_LOG_DIR}/hallnotes-wordpress-access.log combined
</VirtualHost>
CONF
}
site_conf=/etc/apache2/sites-available/hallnotes-wordpress.conf
{
  vhost "$PORT" ''
  vhost "$STRIPPING_PORT" 'RequestHeader unset Authorization early'
} >"$site_conf.new"
ports_conf=$'# Written by Hallnotes\' scripts/ci/wordpress.sh: loopback only.\nServerName 127.0.0.1\n'"Listen 127.0.0.1:${PORT}"$'\n'"Listen 127.0.0.1:${STRIPPING_PORT}"
changed=0
if ! cmp -s "$site_conf.new" "$site_conf"; then mv "$site_conf.new" "$site_conf"; changed=1; else rm "$site_conf.new"; fi
if [ "$(cat /etc/apache2/ports.conf)" != "$ports_conf" ]; then printf '%s\n' "$ports_conf" >/etc/apache2/ports.conf; changed=1; fi
[ -e /etc/apache2/mods-enabled/rewrite.load ] || { a2enmod -q rewrite >/dev/null; changed=1; }
[ -e /etc/apache2/mods-enabled/headers.load ] || { a2enmod -q headers >/dev/null; changed=1; }
[ -e /etc/apache2/sites-enabled/000-default.conf ] && { a2dissite -q 000-default >/dev/null; changed=1; }
[ -e /etc/apache2/sites-enabled/hallnotes-wordpress.conf ] || { a2ensite -q hallnotes-wordpress >/dev/null; changed=1; }
if ! configtest=$(apache2ctl configtest 2>&1); then echo "$configtest" >&2; exit 1; fi
if ! pgrep -x apache2 >/dev/null; then
  say "starting Apache"
  service apache2 start >/dev/null
elif [ "$changed" = 1 ]; then
  service apache2 reload >/dev/null
fi

mkdir -p "$STATE_DIR"
credentials=$(php scripts/ci/wordpress-setup.php "http://127.0.0.1:${PORT}" "$CONFIG_NAME")
# Wait for the REST API to answer with the new credentials before the tests start.
user=$(printf '%s' "$credentials" | php -r '$c = json_decode(stream_get_contents(STDIN), true); echo $c["user"];')
password=$(printf '%s' "$credentials" | php -r '$c = json_decode(stream_get_contents(STDIN), true); echo $c["applicationPassword"];')
for attempt in $(seq 1 30); do
  if curl -fsS -u "$user:$password" "http://127.0.0.1:${PORT}/wp-json/wp/v2/users/me" >/dev/null 2>&1; then
    umask 077
    printf '%s\n' "$credentials" >"$STATE_DIR/wordpress.json"
    say "WordPress is up at http://127.0.0.1:${PORT}/ (and without Authorization at :${STRIPPING_PORT}); credentials in .ci-state/wordpress.json"
    exit 0
  fi
  sleep 1
done
say "WordPress did not accept its Application Password at http://127.0.0.1:${PORT}/wp-json/wp/v2/users/me" >&2
curl -sS -u "$user:$password" "http://127.0.0.1:${PORT}/wp-json/wp/v2/users/me" >&2 || true
exit 1
