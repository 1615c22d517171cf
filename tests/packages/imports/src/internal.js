export default "internal";
