export default "cond-import";
