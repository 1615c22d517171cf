export default "cond-default";
