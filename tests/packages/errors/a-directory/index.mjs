export default "ESM does not look for index files";
