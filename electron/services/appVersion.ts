import packageJson from '../../package.json';

/** The version of Hallnotes running, recorded in what it writes for others (a bundle's manifest). */
export const APP_VERSION: string = packageJson.version;
