<?php
// Installs WordPress with WordPress's own installer (wp-cli is not in Debian) and prints, as JSON,
// the fixed admin user and a fresh Application Password for the publish suite. Called by wordpress.sh:
//   php wordpress-setup.php http://127.0.0.1:8088 <config name>
[$script, $siteUrl, $configName] = $argv;
$parts = parse_url($siteUrl);
$_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
$_SERVER['SERVER_NAME'] = $parts['host'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['WORDPRESS_CONFIG'] = $configName;
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

const ADMIN_USER = 'hallnotes';
// Local test site only (127.0.0.1); the suite authenticates with the Application Password below.
const ADMIN_PASSWORD = 'hallnotes-ci-admin';
const APPLICATION_NAME = 'Hallnotes CI';

if (!is_blog_installed()) {
    $installed = wp_install('Hallnotes CI', ADMIN_USER, 'ci@hallnotes.invalid', false, '', wp_slash(ADMIN_PASSWORD));
    if (is_wp_error($installed)) {
        fwrite(STDERR, 'wp_install failed: ' . $installed->get_error_message() . "\n");
        exit(1);
    }
}
update_option('siteurl', $siteUrl);
update_option('home', $siteUrl);
// Pretty permalinks, so the REST API lives at /wp-json/ as on most real sites.
update_option('permalink_structure', '/%postname%/');
flush_rewrite_rules(false);

$user = get_user_by('login', ADMIN_USER);
if (!$user) {
    fwrite(STDERR, "the admin user is missing\n");
    exit(1);
}
if (!wp_is_application_passwords_available()) {
    fwrite(STDERR, "Application Passwords are not available (is WP_ENVIRONMENT_TYPE local?)\n");
    exit(1);
}
// Only hashes are stored, so an old password cannot be read back: replace it with a new one.
foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
    if ($item['name'] === APPLICATION_NAME) {
        WP_Application_Passwords::delete_application_password($user->ID, $item['uuid']);
    }
}
$created = WP_Application_Passwords::create_new_application_password($user->ID, ['name' => APPLICATION_NAME]);
if (is_wp_error($created)) {
    fwrite(STDERR, 'creating the Application Password failed: ' . $created->get_error_message() . "\n");
    exit(1);
}
echo json_encode([
    'url' => $siteUrl,
    'strippingUrl' => preg_replace('/:8088$/', ':8089', $siteUrl),
    'user' => ADMIN_USER,
    'applicationPassword' => $created[0],
    'adminPassword' => ADMIN_PASSWORD,
]);
